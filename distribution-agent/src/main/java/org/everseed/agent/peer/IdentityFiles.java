package org.everseed.agent.peer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An agent's fleet identity as files in one folder ({@code <state dir>/identity/}, mode 700):
 * {@code agent-key.pem} (PKCS#8, mode 600), {@code agent-cert.pem} (the agent's certificate, then
 * any intermediates), {@code fleet-ca.pem} and, optional, {@code crl.pem} (the fleet CA's newest
 * CRL). Certificates and CRLs are read by the JDK's X.509 factory, which takes PEM.
 */
public final class IdentityFiles {

  public static final String KEY = "agent-key.pem";
  public static final String CERTIFICATE = "agent-cert.pem";
  public static final String FLEET_CA = "fleet-ca.pem";
  public static final String CRL = "crl.pem";

  private IdentityFiles() {}

  /** Whether {@code folder} holds an identity (its key and certificate). */
  public static boolean present(Path folder) {
    return Files.isRegularFile(folder.resolve(KEY))
        && Files.isRegularFile(folder.resolve(CERTIFICATE))
        && Files.isRegularFile(folder.resolve(FLEET_CA));
  }

  /**
   * Reads the identity in {@code folder} into the TLS side of the swarm.
   *
   * @throws IOException if a file is missing or unreadable
   * @throws GeneralSecurityException if the key, a certificate or the CRL is malformed, or the
   *     certificate is not the fleet CA's, has expired or is revoked
   */
  public static FleetTls load(Path folder) throws IOException, GeneralSecurityException {
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new ArrayList<>();
    try (InputStream in = Files.newInputStream(folder.resolve(CERTIFICATE))) {
      x509.generateCertificates(in).forEach(c -> chain.add((X509Certificate) c));
    }
    if (chain.isEmpty()) {
      throw new GeneralSecurityException(folder.resolve(CERTIFICATE) + " holds no certificate");
    }
    X509Certificate fleetCa;
    try (InputStream in = Files.newInputStream(folder.resolve(FLEET_CA))) {
      fleetCa = (X509Certificate) x509.generateCertificate(in);
    }
    RevokedSerials revoked = RevokedSerials.none();
    if (Files.isRegularFile(folder.resolve(CRL))) {
      try (InputStream in = Files.newInputStream(folder.resolve(CRL))) {
        revoked = RevokedSerials.fromCrl((X509CRL) x509.generateCRL(in), fleetCa);
      }
    }
    PrivateKey key = privateKey(folder.resolve(KEY), chain.get(0));
    return FleetTls.create(key, chain, fleetCa, revoked);
  }

  /** A PKCS#8 PEM key, of the algorithm of the certificate's public key (EC, RSA, Ed25519). */
  static PrivateKey privateKey(Path file, X509Certificate certificate)
      throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new GeneralSecurityException(file + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
    }
    String base64 = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end);
    byte[] der = Base64.getMimeDecoder().decode(base64);
    return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
        .generatePrivate(new PKCS8EncodedKeySpec(der));
  }
}
