package org.everseed.interfaces.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.everseed.application.publishing.PublishingService;
import org.everseed.application.publishing.StagedUpload;
import org.everseed.application.publishing.Upload;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.domain.model.release.Release;
import org.everseed.interfaces.publishing.MultipartReader.Part;

/**
 * The publish flow of {@code POST /api/v1/releases} and of the portal's upload, written once: reads
 * the multipart form as it streams in, starts the upload at the first file (after the fields that
 * steer hashing), writes and hashes every file in the same pass, then publishes. The adapters only
 * authenticate the caller and render the answer.
 */
@ApplicationScoped
public class PublishFormReader {
  @Inject PublishingService publishing;
  @Inject Clock clock;

  /**
   * Publishes the form in {@code body} as {@code publisher}.
   *
   * @param declaredBytes the request's Content-Length, -1 when unknown
   * @param baseUrl the server's public URL, for the torrent's tracker and web seed
   * @throws InvalidReleaseException for a field or a form that breaks a rule
   * @throws MultipartReader.MalformedMultipartException for a body that is not a multipart form
   */
  public Release publish(
      InputStream body, String contentType, long declaredBytes, String publisher, String baseUrl)
      throws IOException {
    MultipartReader reader = MultipartReader.of(body, contentType);
    PublishFields fields = new PublishFields();
    Upload upload = null;
    StagedUpload staged;
    try {
      for (Optional<Part> next = reader.next(); next.isPresent(); next = reader.next()) {
        Part part = next.get();
        if (PublishFields.isPayloadFile(part)) {
          if (upload == null) {
            upload = publishing.beginUpload(declaredBytes, fields.pieceLength(), fields.torrent());
          }
          upload.addFile(part.fileName().get(), part.body());
        } else {
          fields.accept(part, upload != null);
        }
      }
      if (upload == null) {
        throw new InvalidReleaseException(
            "file", "the upload holds no file part: choose at least one file to publish");
      }
      staged = upload.finish(fields.folder(upload.firstFileName(), clock));
    } finally {
      if (upload != null) {
        upload.close();
      }
    }
    return publishing.publish(staged, fields.request(), publisher, baseUrl);
  }
}
