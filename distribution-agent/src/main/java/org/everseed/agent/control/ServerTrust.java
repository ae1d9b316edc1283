package org.everseed.agent.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates an agent trusts for https to the server and Keycloak when {@code server.trust}
 * names a PEM file (a company CA, or the development server's own certificate): those and no
 * others. Without the setting the JDK's default trust store applies.
 */
public final class ServerTrust {

  private ServerTrust() {}

  /** A TLS context that trusts exactly the certificates in {@code pemFile}. */
  public static SSLContext context(Path pemFile) throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(pemFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException(pemFile + " holds no certificate");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    int n = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("trusted-" + n++, certificate);
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /**
   * Makes the trusted certificates of {@code settings} the process's default, before any HTTP
   * client is built (the daemon's and the peer engine's clients take the default).
   */
  public static void apply(AgentSettings settings) throws IOException, GeneralSecurityException {
    if (settings.serverTrust().isPresent()) {
      SSLContext.setDefault(context(settings.serverTrust().get()));
    }
  }
}
