/** {@link io.roundup.devservices.spring.WithDevServices}: points a Spring test context at the shared dev services. */
package io.roundup.devservices.spring;
