/** The Roundup gateway: the single HTTP entry point that routes /api traffic to the services and issues tokens. */
package io.roundup.gateway;
