/** The architecture rules every module checks against its own classes. */
package io.roundup.architecture;
