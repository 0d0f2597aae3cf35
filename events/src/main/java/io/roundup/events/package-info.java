/** The event contract between Roundup's services: state events per aggregate, keyed by entity id, versioned by {@code ce_type}. */
package io.roundup.events;
