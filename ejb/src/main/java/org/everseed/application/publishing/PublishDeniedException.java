package org.everseed.application.publishing;

import jakarta.ejb.ApplicationException;
import org.everseed.application.catalog.NotAllowedException;

/**
 * The caller may not publish into this channel (403). An application exception that does not roll
 * back, so the audit row recording the refusal commits; it is thrown before anything else is
 * written.
 */
@ApplicationException(rollback = false)
public class PublishDeniedException extends NotAllowedException {
  private static final long serialVersionUID = 1L;

  public PublishDeniedException(String message) {
    super(message);
  }
}
