package com.finance.analytics.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import com.finance.analytics.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request body once, at most up to the configured size: larger bodies are refused
 * with HTTP 413 (a declared {@code Content-Length} is checked before reading, a chunked
 * body is read to the limit plus one byte, so an endless body costs at most the limit in
 * memory). On the GraphQL endpoint the body must be JSON (HTTP 415 otherwise), valid
 * UTF-8 and a JSON object: Spring for GraphQL fails with a server error on a bare
 * {@code null}, so anything else is refused here as a bad request.
 * <p>
 * The body must also arrive within a deadline: a client trickling bytes is refused with
 * HTTP 408 once it passes, instead of holding its request for as long as it keeps
 * sending. Every refusal of a request with a body closes the connection
 * ({@link ErrorResponses}), so the container does not wait for the rest of a body nobody
 * will read.
 */
class RequestBodyFilter extends OncePerRequestFilter {

	private static final int CHUNK = 8192;

	private final long maxBytes;

	private final long deadlineNanos;

	private final String graphQlPath;

	private final ErrorResponses errors;

	RequestBodyFilter(long maxBytes, Duration deadline, String graphQlPath, ErrorResponses errors) {
		this.maxBytes = maxBytes;
		this.deadlineNanos = deadline.toNanos();
		this.graphQlPath = graphQlPath;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			refuseSize(request, response);
			return;
		}
		if (isGraphQlPost(request) && !isJson(request.getContentType())) {
			// Spring for GraphQL answers these with a 415 without a body, or with its
			// default error body
			errors.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.BAD_REQUEST,
					"Send the GraphQL request as application/json");
			return;
		}
		boolean graphQlJson = isGraphQlJson(request);
		if (!graphQlJson && (declared == 0 || isForm(request.getContentType()))) {
			// nothing to read, or a form: leave the stream to the container (form
			// parameters stay readable)
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		try {
			body = readBody(request);
		}
		catch (SlowBodyException e) {
			refuseSlow(request, response);
			return;
		}
		catch (IOException e) {
			if (isReadTimeout(e)) {
				refuseSlow(request, response);
			}
			else {
				// a broken chunked encoding or a client that went away: whoever is still
				// there gets a 400
				errors.write(request, response, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
						"The request body could not be read");
			}
			return;
		}
		if (body.length > maxBytes) {
			refuseSize(request, response);
			return;
		}
		if (graphQlJson && !isUtf8(body)) {
			// a lenient decoder reads the overlong C0 A2 as '"', which no JSON parser
			// downstream should ever see
			errors.write(request, response, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
					"The request body is not valid UTF-8");
			return;
		}
		if (graphQlJson && !startsAsJsonObject(body)) {
			errors.write(request, response, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, startsAsJsonArray(body)
					? "Batched requests (a JSON array of operations) are not supported: send one operation per request"
					: "The request body must be a JSON object with a 'query'");
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	/**
	 * Reads up to the size limit plus one byte. Each read waits at most the connector's
	 * read timeout; the deadline, checked between reads, bounds the whole body, so a
	 * byte-a-second trickle cannot keep the request alive.
	 */
	private byte[] readBody(HttpServletRequest request) throws IOException, SlowBodyException {
		long deadline = System.nanoTime() + deadlineNanos;
		InputStream in = request.getInputStream();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] chunk = new byte[CHUNK];
		while (body.size() <= maxBytes) {
			int read = in.read(chunk, 0, (int) Math.min(chunk.length, maxBytes + 1 - body.size()));
			if (read < 0) {
				break;
			}
			body.write(chunk, 0, read);
			if (System.nanoTime() - deadline > 0) {
				throw new SlowBodyException();
			}
		}
		return body.toByteArray();
	}

	private void refuseSlow(HttpServletRequest request, HttpServletResponse response) throws IOException {
		errors.write(request, response, HttpStatus.REQUEST_TIMEOUT, ErrorCode.TIMEOUT,
				"The request body did not arrive in time; send it at once");
	}

	/**
	 * Tomcat wraps the socket's read timeout (no byte within the connection timeout) in
	 * its own exception.
	 */
	private static boolean isReadTimeout(IOException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private void refuseSize(HttpServletRequest request, HttpServletResponse response) throws IOException {
		errors.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.BAD_REQUEST,
				"Request body exceeds " + maxBytes + " bytes");
	}

	private boolean isGraphQlPost(HttpServletRequest request) {
		return HttpMethod.POST.matches(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + graphQlPath);
	}

	private boolean isGraphQlJson(HttpServletRequest request) {
		String contentType = request.getContentType();
		return isGraphQlPost(request) && contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
	}

	private static boolean isForm(String contentType) {
		if (contentType == null) {
			return false;
		}
		String lower = contentType.toLowerCase(Locale.ROOT);
		return lower.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| lower.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}

	private static boolean isUtf8(byte[] body) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	private static boolean startsAsJsonObject(byte[] body) {
		return leadingText(body).startsWith("{");
	}

	private static boolean startsAsJsonArray(byte[] body) {
		return leadingText(body).startsWith("[");
	}

	private static String leadingText(byte[] body) {
		return new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
	}

	/** The body did not arrive within the deadline. */
	private static final class SlowBodyException extends Exception {

		SlowBodyException() {
			super(null, null, false, false);
		}

	}

	/** The already read body, served again to the rest of the chain. */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous body only");
				}
			};
		}

	}

}
