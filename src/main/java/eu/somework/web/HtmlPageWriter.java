package eu.somework.web;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Writes an HTML page given as a String in one piece with its {@code Content-Length}, in the
 * charset its media type names (UTF-8 when it names none). Jersey's own String writer encodes
 * through a {@code Writer} into a buffer and sends a page over 8 KiB (most of ours) chunked; that
 * path was about a tenth of a launch's allocations in the profile (docs/benchmarks.md).
 */
@Provider
@Produces(MediaType.TEXT_HTML)
public class HtmlPageWriter implements MessageBodyWriter<String> {
  @Override
  public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == String.class && mediaType.isCompatible(MediaType.TEXT_HTML_TYPE) && !mediaType.isWildcardSubtype();
  }

  @Override
  public void writeTo(String page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
      MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
    String charset = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    byte[] bytes = page.getBytes(charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
    headers.putSingle(HttpHeaders.CONTENT_LENGTH, bytes.length);
    out.write(bytes);
  }
}
