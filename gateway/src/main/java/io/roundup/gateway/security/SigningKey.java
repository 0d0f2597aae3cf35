package io.roundup.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs tokens. Read from {@code roundup.identity.key-file} (PEM, PKCS#8), created there with owner-only
 * permissions when the file does not exist yet, or kept in memory when no file is configured (tokens then die with the
 * process). The key id is the RFC 7638 thumbprint, so it stays the same for the same key across restarts.
 */
@Component
class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private static final int KEY_BITS = 3072;

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";

    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private final RSAKey jwk;

    @Autowired
    SigningKey(IdentitySettings settings) {
        this(settings.keyFile());
    }

    SigningKey(@Nullable Path keyFile) {
        try {
            this.jwk = toJwk(keyFile != null ? loadOrCreate(keyFile) : generate());
        } catch (IOException | GeneralSecurityException | JOSEException ex) {
            throw new IllegalStateException(
                    "Cannot load or create the token signing key at " + keyFile + ": " + ex, ex);
        }
    }

    RSAKey jwk() {
        return jwk;
    }

    String keyId() {
        return jwk.getKeyID();
    }

    RSAPublicKey publicKey() {
        try {
            return jwk.toRSAPublicKey();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The JWK set with the public half only. */
    Map<String, Object> publicJwkSet() {
        return new JWKSet(jwk.toPublicJWK()).toJSONObject(true);
    }

    private static RSAPrivateCrtKey loadOrCreate(Path file) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            warnIfReadableByOthers(file);
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        }
        RSAPrivateCrtKey key = generate();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".signing-key", ".tmp", ownerOnly(parent));
        try {
            Files.writeString(temporary, pem(key), StandardCharsets.US_ASCII);
            // No REPLACE_EXISTING: if another gateway created the file meanwhile, use its key rather than ours.
            Files.move(temporary, file);
            log.info("Created a new token signing key at {}", file);
            return key;
        } catch (FileAlreadyExistsException ex) {
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        if (Files.getFileAttributeView(directory, PosixFileAttributeView.class) == null) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        };
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            log.warn("The token signing key {} is readable by other users; restrict it with chmod 600", file);
        }
    }

    private static RSAPrivateCrtKey generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_BITS);
        return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    }

    static RSAPrivateCrtKey parse(String pem) throws GeneralSecurityException {
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("not a PEM encoded PKCS#8 private key (" + PEM_BEGIN + ")");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        if (key instanceof RSAPrivateCrtKey crtKey) {
            return crtKey;
        }
        throw new GeneralSecurityException("the private key lacks its CRT parameters, so its public half is unknown");
    }

    static String pem(RSAPrivateCrtKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return PEM_BEGIN + "\n" + base64 + "\n" + PEM_END + "\n";
    }

    private static RSAKey toJwk(RSAPrivateCrtKey privateKey) throws GeneralSecurityException, JOSEException {
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint()
                .build();
    }
}
