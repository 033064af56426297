package eu.somework.lti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A response body read from a server the tool does not control, at most {@code cap} bytes: one
 * byte more either fails the exchange with {@link TooLarge} (a body the caller needs whole: a key
 * set, an OpenID configuration, a registration answer) or ends the reading quietly with what came
 * so far (an error body read only for its message). A declared Content-Length over the cap fails
 * at once, before anything is read. One download is one subscriber, never shared.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final int cap;
  private final boolean failWhenLarger;
  private final boolean declaredTooLarge;
  // set once by the HTTP client before any onNext (a final holder keeps the core's "every field
  // final" rule)
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

  private CappedBody(int cap, boolean failWhenLarger, boolean declaredTooLarge) {
    this.cap = cap;
    this.failWhenLarger = failWhenLarger;
    this.declaredTooLarge = declaredTooLarge;
  }

  /** A body needed whole: over {@code cap} bytes (declared or counted) fails with {@link TooLarge}. */
  static CappedBody whole(int cap, HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new CappedBody(cap, true, declared > cap);
  }

  /** A body read for its first {@code cap} bytes only; the rest is dropped, not an error. */
  static CappedBody truncated(int cap) {
    return new CappedBody(cap, false, false);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription.set(s);
    if (declaredTooLarge) {
      s.cancel();
      result.completeExceptionally(new TooLarge(cap));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      int room = cap - bytes.size();
      if (buffer.remaining() > room) {
        subscription.get().cancel();
        if (failWhenLarger) {
          result.completeExceptionally(new TooLarge(cap));
        } else {
          byte[] chunk = new byte[room];
          buffer.get(chunk);
          bytes.writeBytes(chunk);
          result.complete(bytes.toByteArray());
        }
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }

  /** The body was larger than the cap; the message says by which rule, never what it held. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    /** The cap the body went over, in bytes. */
    final int cap;

    TooLarge(int cap) {
      super("larger than " + cap + " bytes");
      this.cap = cap;
    }
  }
}
