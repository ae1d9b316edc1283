/**
 * The distribution reports as files: CSV (RFC 4180) for spreadsheets and PDF (OpenPDF) to attach to
 * a change ticket. Shared by the REST API and the portal.
 */
package org.everseed.interfaces.export;
