package org.everseed.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The development key store of WildFly's HTTPS listener: a self-signed EC P-256 certificate for
 * {@code 127.0.0.1} and {@code localhost}, made by the JDK's {@code keytool} on the first start
 * into the instance's folder ({@code tls/everseed-https.p12}) and kept across restarts, with its
 * certificate as PEM ({@code tls/everseed-https.pem}) for whoever must trust it: the launcher's and
 * the tests' agents ({@code server.trust}), curl ({@code --cacert}). Production uses the operator's
 * key store instead ({@code EVERSEED_TLS_KEYSTORE}, docs/operations.md).
 */
public record DevKeyStore(Path keyStore, String password, Path certificate) {

  /** Public on purpose: it protects a development key that never leaves this folder. */
  public static final String PASSWORD = "everseed-dev";

  /** The key store in {@code folder}, made first if it is not there. */
  public static DevKeyStore ensure(Path folder, Progress progress) {
    DevKeyStore store =
        new DevKeyStore(
            folder.resolve("everseed-https.p12"), PASSWORD, folder.resolve("everseed-https.pem"));
    if (Files.isRegularFile(store.keyStore()) && Files.isRegularFile(store.certificate())) {
      return store;
    }
    try {
      Files.createDirectories(folder);
      Files.deleteIfExists(store.keyStore());
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      run(
          List.of(
              keytool,
              "-genkeypair",
              "-alias",
              "everseed-https",
              "-keyalg",
              "EC",
              "-groupname",
              "secp256r1",
              "-sigalg",
              "SHA256withECDSA",
              "-validity",
              "825",
              "-dname",
              "CN=Everseed development server",
              "-ext",
              "SAN=ip:127.0.0.1,dns:localhost",
              "-storetype",
              "PKCS12",
              "-keystore",
              store.keyStore().toString(),
              "-storepass",
              PASSWORD),
          folder);
      run(
          List.of(
              keytool,
              "-exportcert",
              "-rfc",
              "-alias",
              "everseed-https",
              "-keystore",
              store.keyStore().toString(),
              "-storepass",
              PASSWORD,
              "-file",
              store.certificate().toString()),
          folder);
    } catch (IOException e) {
      throw new HarnessException("cannot make the development key store in " + folder, e);
    }
    progress.step("HTTPS: made a development certificate for 127.0.0.1 in " + folder);
    return store;
  }

  /** An HTTP client that trusts this certificate (and nothing else). */
  public HttpClient trustingClient(Duration connectTimeout) {
    return HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(sslContext()).build();
  }

  /** A TLS context that trusts this certificate only. */
  public SSLContext sslContext() {
    try (InputStream in = Files.newInputStream(certificate)) {
      Certificate server = CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("everseed-https", server);
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new HarnessException("cannot read the development certificate " + certificate, e);
    }
  }

  private static void run(List<String> command, Path folder) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("keytool.log").toFile())
            .start();
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new HarnessException(
            "keytool failed: "
                + String.join(" ", command.subList(0, 2))
                + "\n"
                + Files.readString(folder.resolve("keytool.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted while running keytool", e);
    }
  }
}
