/** Health checks that work against MongoDB and its embedded stand-in alike. */
package io.roundup.support.health;
