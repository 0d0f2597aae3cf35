/** Boot auto-configuration that every Roundup MVC service shares, so each service keeps only its own domain. */
package io.roundup.support;
