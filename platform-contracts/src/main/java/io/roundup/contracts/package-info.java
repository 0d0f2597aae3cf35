/** What the gateway and the services must agree on to work as one platform: request ids and access tokens. */
package io.roundup.contracts;
