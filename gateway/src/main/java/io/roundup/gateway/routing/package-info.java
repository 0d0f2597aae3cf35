/** How the gateway finds every copy of a service, keeps the dead ones out of rotation and balances over the rest. */
package io.roundup.gateway.routing;
