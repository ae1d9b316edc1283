package org.everseed.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ejb.EJBException;
import java.util.List;
import org.everseed.api.rest.Problem;
import org.everseed.application.publishing.UploadRejectedException;
import org.everseed.application.publishing.UploadRejectedException.Reason;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.interfaces.publishing.MultipartReader.MalformedMultipartException;
import org.junit.jupiter.api.Test;

/** One mapping from exceptions to statuses, for the REST API and the portal alike. */
class ProblemDetailsTest {
  @Test
  void aStateConflictIs409Everywhere() {
    // Regression (issue 19): the portal's upload answered 400 for IllegalStateException while the
    // REST API's ProblemMapper answered 409.
    Problem problem = ProblemDetails.of(new IllegalStateException("already retired"), null);
    assertEquals(409, problem.status());
    assertEquals("Conflict", problem.title());
  }

  @Test
  void invalidInputNamesItsFieldEvenInsideAnEjbException() {
    Problem problem =
        ProblemDetails.of(
            new EJBException(new InvalidReleaseException("channel", "bad channel")), null);
    assertEquals(400, problem.status());
    assertEquals(List.of(new Problem.FieldError("channel", "bad channel")), problem.errors());
  }

  @Test
  void rejectedUploadsAnswerByReason() {
    assertEquals(
        413,
        ProblemDetails.of(new UploadRejectedException(Reason.TOO_LARGE, "file", "big"), null)
            .status());
    Problem full =
        ProblemDetails.of(new UploadRejectedException(Reason.NO_SPACE, "file", "full"), null);
    assertEquals(507, full.status());
    assertEquals("Insufficient Storage", full.title());
    assertEquals(
        400, ProblemDetails.of(new MalformedMultipartException("no boundary"), null).status());
  }

  @Test
  void unexpectedFailuresShowNoInternals() {
    Problem problem = ProblemDetails.of(new NullPointerException("secret detail"), null);
    assertEquals(500, problem.status());
    assertFalse(problem.detail().contains("secret"));
  }
}
