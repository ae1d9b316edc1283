package org.everseed.agent.peer;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a peer, in either direction, when its chain leads to the fleet CA (PKIX: signatures,
 * validity dates, basic constraints), its certificate is not revoked, and it names an agent. Host
 * names are not checked: peers are identified by the agent id in their certificate, not by the
 * address the tracker gave.
 */
final class FleetTrustManager extends X509ExtendedTrustManager {

  private final X509Certificate fleetCa;
  private final RevokedSerials revoked;

  FleetTrustManager(X509Certificate fleetCa, RevokedSerials revoked) {
    this.fleetCa = fleetCa;
    this.revoked = revoked;
  }

  void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the peer sent no certificate");
    }
    List<X509Certificate> path = new ArrayList<>(List.of(chain));
    if (path.size() > 1 && path.get(path.size() - 1).equals(fleetCa)) {
      path.remove(path.size() - 1); // the anchor itself is not part of the path
    }
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(fleetCa, null)));
      parameters.setRevocationEnabled(false); // the fleet's CRL is applied below, from memory
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
    } catch (GeneralSecurityException e) {
      throw new CertificateException("not a fleet certificate: " + e.getMessage(), e);
    }
    if (revoked.isRevoked(chain[0].getSerialNumber())) {
      throw new CertificateException(
          "certificate " + chain[0].getSerialNumber().toString(16) + " is revoked");
    }
    if (FleetTls.agentIdOf(chain[0]).isEmpty()) {
      throw new CertificateException("the certificate names no agent (no CN)");
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[] {fleetCa};
  }
}
