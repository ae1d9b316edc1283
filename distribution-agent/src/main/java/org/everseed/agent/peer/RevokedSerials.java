package org.everseed.agent.peer;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Set;

/**
 * The serial numbers of fleet certificates that are revoked, as the fleet CA's newest CRL lists
 * them. Replaced whole when a newer CRL arrives; read on every TLS handshake (and again after it,
 * so a resumed session of a revoked peer is refused as well).
 */
public final class RevokedSerials {

  private volatile Set<BigInteger> serials;

  private RevokedSerials(Set<BigInteger> serials) {
    this.serials = Set.copyOf(serials);
  }

  /** No certificate revoked. */
  public static RevokedSerials none() {
    return new RevokedSerials(Set.of());
  }

  /** Exactly these serials revoked. */
  public static RevokedSerials of(Set<BigInteger> serials) {
    return new RevokedSerials(serials);
  }

  /** The serials of {@code crl}, once its issuer and signature are checked against the CA. */
  public static RevokedSerials fromCrl(X509CRL crl, X509Certificate fleetCa)
      throws GeneralSecurityException {
    return new RevokedSerials(serialsOf(crl, fleetCa));
  }

  /** Replaces the set with the serials of a newer CRL, checked against the CA. */
  public void update(X509CRL crl, X509Certificate fleetCa) throws GeneralSecurityException {
    serials = Set.copyOf(serialsOf(crl, fleetCa));
  }

  /** Whether the certificate with this serial number is revoked. */
  public boolean isRevoked(BigInteger serial) {
    return serials.contains(serial);
  }

  /** How many serials are revoked. */
  public int size() {
    return serials.size();
  }

  private static Set<BigInteger> serialsOf(X509CRL crl, X509Certificate fleetCa)
      throws GeneralSecurityException {
    if (!crl.getIssuerX500Principal().equals(fleetCa.getSubjectX500Principal())) {
      throw new GeneralSecurityException(
          "CRL issued by " + crl.getIssuerX500Principal() + ", not by the fleet CA");
    }
    crl.verify(fleetCa.getPublicKey());
    Set<BigInteger> revoked = new HashSet<>();
    Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
    if (entries != null) {
      entries.forEach(entry -> revoked.add(entry.getSerialNumber()));
    }
    return revoked;
  }
}
