/** Demo roundups, published through the public API on a data folder's first start so a new user sees content. */
package io.roundup.launcher.demo;
