/** The conventions every service's OpenAPI document follows: problem answers, the bearer scheme, roles, revisions. */
package io.roundup.support.openapi;
