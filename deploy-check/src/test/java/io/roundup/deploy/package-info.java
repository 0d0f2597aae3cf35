/** Offline checks of the deployment files: typed, strict reading of every manifest and the references between them. */
package io.roundup.deploy;
