package bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark baseline only (bench/publish.sh deploys it next to Everseed, never shipped): receives
 * a request body and writes it to a file, with the same 1 MiB copy buffer as Everseed's upload
 * path but no multipart parsing and no hashing: "a plain upload of the same bytes to the same
 * server".
 */
@WebServlet("/upload")
public class UploadSinkServlet extends HttpServlet {
  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Path target = Path.of(System.getProperty("jboss.server.data.dir"), "bench-upload.bin");
    byte[] buffer = new byte[1 << 20];
    long total = 0;
    try (InputStream in = req.getInputStream(); OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        total += n;
      }
    }
    Files.delete(target);
    resp.setContentType("text/plain");
    resp.getWriter().println(total);
  }
}
