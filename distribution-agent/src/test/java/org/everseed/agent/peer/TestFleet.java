package org.everseed.agent.peer;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A fleet CA for tests, made with BouncyCastle: issues agent certificates (CN = agent id) and CRLs,
 * like the server's fleet CA does.
 */
public final class TestFleet {

  private static final AtomicLong SERIALS = new AtomicLong(1000);

  final KeyPair caKeys;
  public final X509Certificate ca;

  /** An agent's key and certificate. */
  public record Member(String agentId, KeyPair keys, X509Certificate certificate) {
    public FleetTls tls(TestFleet fleet, RevokedSerials revoked) throws GeneralSecurityException {
      return FleetTls.create(keys.getPrivate(), List.of(certificate), fleet.ca, revoked);
    }
  }

  public TestFleet(String name) throws Exception {
    caKeys = ecKeys();
    X500Name subject = new X500Name("CN=" + name);
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            BigInteger.valueOf(SERIALS.incrementAndGet()),
            Date.from(now.minus(Duration.ofMinutes(1))),
            Date.from(now.plus(Duration.ofDays(365))),
            subject,
            caKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    ca = convert(builder.build(signer()));
  }

  public static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  public Member member(String agentId) throws Exception {
    Instant now = Instant.now();
    return member(agentId, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(7)));
  }

  public Member member(String agentId, Instant notBefore, Instant notAfter) throws Exception {
    KeyPair keys = ecKeys();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
            BigInteger.valueOf(SERIALS.incrementAndGet()),
            Date.from(notBefore),
            Date.from(notAfter),
            new X500Name("O=Everseed fleet,CN=" + agentId),
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    return new Member(agentId, keys, convert(builder.build(signer())));
  }

  public X509CRL crl(X509Certificate... revoked) throws Exception {
    Instant now = Instant.now();
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(
            X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), Date.from(now));
    builder.setNextUpdate(Date.from(now.plus(Duration.ofHours(1))));
    for (X509Certificate certificate : revoked) {
      builder.addCRLEntry(
          certificate.getSerialNumber(), Date.from(now), CRLReason.privilegeWithdrawn);
    }
    return new JcaX509CRLConverter().getCRL(builder.build(signer()));
  }

  private ContentSigner signer() throws Exception {
    return new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate());
  }

  private static X509Certificate convert(X509CertificateHolder holder) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(holder);
  }
}
