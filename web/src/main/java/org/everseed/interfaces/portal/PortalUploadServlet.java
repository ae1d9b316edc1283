package org.everseed.interfaces.portal;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everseed.api.rest.Problem;
import org.everseed.application.catalog.DuplicateReleaseException;
import org.everseed.application.publishing.PublishRequest;
import org.everseed.application.publishing.PublishingService;
import org.everseed.application.publishing.StagedUpload;
import org.everseed.application.publishing.Upload;
import org.everseed.application.publishing.UploadRejectedException;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseKind;
import org.everseed.domain.model.release.ReleaseNaming;
import org.everseed.domain.settings.ServerSettings;
import org.everseed.interfaces.http.PublicUrl;
import org.everseed.interfaces.rest.MultipartReader;
import org.everseed.interfaces.rest.MultipartReader.MalformedMultipartException;
import org.everseed.interfaces.rest.MultipartReader.Part;

/**
 * The publish page's upload: the same streaming, one-pass publication as {@code POST
 * /api/v1/releases}, but authenticated by the portal session (the API takes bearer tokens only) and
 * guarded by the session's CSRF token. Answers the new release as JSON, or RFC 9457 problem details
 * that the page shows next to the fields at fault.
 */
@WebServlet(PortalUploadServlet.PATH)
public class PortalUploadServlet extends HttpServlet {
  static final String PATH = "/portal/upload";
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PortalUploadServlet.class.getName());
  private static final int MAX_FIELD = 10_000;

  @Inject transient PublishingService publishing;
  @Inject transient ServerSettings server;
  private transient Jsonb json;

  @Override
  public void init() {
    json = JsonbBuilder.create();
  }

  @Override
  public void destroy() {
    try {
      json.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "closing JSON-B", e);
    }
  }

  /** The answer to a successful upload: where the new release lives. */
  public record Published(long id, String name, String version, String infoHash, String url) {}

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!CsrfToken.matches(request.getSession(false), request.getHeader(CsrfToken.HEADER))) {
      problem(request, response, 403, "the page is out of date; reload it and try again", null);
      return;
    }
    if (!request.isUserInRole(PortalUser.PUBLISHER) && !request.isUserInRole(PortalUser.ADMIN)) {
      problem(request, response, 403, "publishing needs the publisher or admin role", null);
      return;
    }
    try {
      Release release = publish(request);
      response.setStatus(201);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      json.toJson(
          new Published(
              release.id().value(),
              release.name(),
              release.version(),
              release.infoHash().toHex(),
              request.getContextPath() + "/release.xhtml?id=" + release.id().value()),
          response.getWriter());
    } catch (InvalidReleaseException e) {
      problem(request, response, 400, e.getMessage(), e.field());
    } catch (UploadRejectedException e) {
      int status =
          switch (e.reason()) {
            case INVALID -> 400;
            case TOO_LARGE -> 413;
            case NO_SPACE -> 507;
          };
      problem(request, response, status, e.getMessage(), e.field());
    } catch (DuplicateReleaseException e) {
      problem(request, response, 409, e.getMessage(), null);
    } catch (MalformedMultipartException e) {
      problem(request, response, 400, "malformed upload: " + e.getMessage(), null);
    } catch (IllegalArgumentException | IllegalStateException e) {
      problem(request, response, 400, e.getMessage(), null);
    } catch (RuntimeException e) {
      String reference = Long.toHexString(System.nanoTime());
      LOG.log(Level.SEVERE, "Upload failed (reference " + reference + ")", e);
      problem(
          request,
          response,
          500,
          "the upload failed; reference " + reference + " in the server log",
          null);
    }
  }

  private Release publish(HttpServletRequest request) throws IOException {
    MultipartReader reader = MultipartReader.of(request.getInputStream(), request.getContentType());
    Fields fields = new Fields();
    Upload upload = null;
    StagedUpload staged;
    try {
      for (Optional<Part> next = reader.next(); next.isPresent(); next = reader.next()) {
        Part part = next.get();
        if (part.fileName().isPresent()) {
          if (upload == null) {
            upload =
                publishing.beginUpload(
                    request.getContentLengthLong(), Optional.empty(), Optional.empty());
          }
          upload.addFile(part.fileName().get(), part.body());
        } else {
          fields.accept(part.name(), part.text(MAX_FIELD).strip());
        }
      }
      if (upload == null) {
        throw new InvalidReleaseException("file", "choose at least one file to publish");
      }
      staged = upload.finish(fields.folder(upload.firstFileName()));
    } finally {
      if (upload != null) {
        upload.close();
      }
    }
    return publishing.publish(
        staged,
        fields.request(),
        request.getUserPrincipal().getName(),
        PublicUrl.of(server, request));
  }

  private void problem(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String detail,
      String field)
      throws IOException {
    List<Problem.FieldError> errors =
        field == null ? List.of() : List.of(new Problem.FieldError(field, detail));
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    json.toJson(
        new Problem(
            "about:blank", title(status), status, detail, request.getRequestURI(), errors, null),
        response.getWriter());
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 507 -> "Insufficient Storage";
      default -> "Internal Server Error";
    };
  }

  /** The text fields of the publish form; empty ones mean "guess it". */
  private static final class Fields {
    Optional<String> name = Optional.empty();
    Optional<String> version = Optional.empty();
    Optional<String> channel = Optional.empty();
    Optional<String> kind = Optional.empty();
    Optional<String> description = Optional.empty();
    final List<String> tags = new ArrayList<>();

    void accept(String field, String value) {
      Optional<String> given = value.isEmpty() ? Optional.empty() : Optional.of(value);
      switch (field) {
        case "name" -> name = given;
        case "version" -> version = given;
        case "channel" -> channel = given;
        case "kind" -> kind = given.map(Fields::checkedKind);
        case "description" -> description = given;
        case "tags" ->
            Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .forEach(tags::add);
        default -> throw new InvalidReleaseException(field, "unknown field '" + field + "'");
      }
    }

    private static String checkedKind(String text) {
      try {
        return ReleaseKind.parse(text).name();
      } catch (IllegalArgumentException e) {
        throw new InvalidReleaseException("kind", e.getMessage());
      }
    }

    /** A multi-file release's root folder: name-version, as the REST API names it. */
    String folder(String firstFileName) {
      ReleaseNaming.Guess guess = new ReleaseNaming(Clock.systemUTC()).guess(firstFileName);
      return name.orElse(guess.name()) + "-" + version.orElse(guess.version());
    }

    PublishRequest request() {
      return new PublishRequest(name, version, channel, kind, description, List.copyOf(tags));
    }
  }
}
