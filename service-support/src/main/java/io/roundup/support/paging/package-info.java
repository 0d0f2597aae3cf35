/** Paged lists alike in every service: the page a domain returns, its JSON shape and the page/size parameters. */
package io.roundup.support.paging;
