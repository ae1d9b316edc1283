package org.everseed.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** A small HTTP client for the system tests: every call bounded in time. */
public final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return get(url, null);
  }

  public static HttpResponse<String> get(String url, String token)
      throws IOException, InterruptedException {
    return CLIENT.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public static HttpResponse<byte[]> getBytes(String url, String token)
      throws IOException, InterruptedException {
    return CLIENT.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public static HttpResponse<String> postJson(String url, String token, String json)
      throws IOException, InterruptedException {
    return sendJson("POST", url, token, json);
  }

  public static HttpResponse<String> sendJson(String method, String url, String token, String json)
      throws IOException, InterruptedException {
    return CLIENT.send(
        request(url, token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static HttpResponse<String> postMultipart(String url, String token, Multipart body)
      throws IOException, InterruptedException {
    return CLIENT.send(
        request(url, token)
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String url, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  /** A multipart/form-data body built part by part, in the order given. */
  public static final class Multipart {
    private final String boundary = "everseed-it-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
      head("form-data; name=\"" + name + "\"");
      out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    public Multipart file(String field, String fileName, byte[] content) {
      head("form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"");
      out.writeBytes(content);
      return this;
    }

    public Multipart file(String field, String fileName, Path content) throws IOException {
      return file(field, fileName, Files.readAllBytes(content));
    }

    public String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      copy.writeBytes(out.toByteArray());
      copy.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
      return copy.toByteArray();
    }

    private void head(String disposition) {
      String prefix = out.size() == 0 ? "--" : "\r\n--";
      out.writeBytes(
          (prefix + boundary + "\r\nContent-Disposition: " + disposition + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
  }
}
