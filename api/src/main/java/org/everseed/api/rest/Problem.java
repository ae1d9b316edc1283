package org.everseed.api.rest;

import java.util.List;

/**
 * An error, as RFC 9457 problem details ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title the status's short description
 * @param detail what went wrong in this request and how to fix it
 * @param instance the request path
 * @param errors field-level messages, for input that failed validation
 * @param existing for conflicts with an existing resource, its URL
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    String existing) {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One input field and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
