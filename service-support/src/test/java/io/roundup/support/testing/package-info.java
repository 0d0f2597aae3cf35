/** Test support for the services, shipped as service-support's test jar: tokens as the gateway would issue them. */
package io.roundup.support.testing;
