package com.finance.analytics.replica;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where published snapshots are read from in object storage. Credentials come from the
 * AWS SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance
 * roles), never from here.
 *
 * @param bucket the bucket the publisher uploads to; unset: no replica, local snapshots
 * only
 * @param prefix key prefix inside the bucket ({@code <prefix>/CURRENT},
 * {@code <prefix>/<id>/...})
 * @param endpoint the S3 endpoint of a non-AWS store (SeaweedFS, MinIO); unset: the SDK's
 * (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, or AWS itself)
 * @param region the signing region; unset: the SDK's (AWS_REGION, profile), else
 * us-east-1
 * @param pollInterval how often {@code CURRENT} is checked (a conditional GET: an
 * unchanged pointer costs one small request)
 * @param pathStyle bucket in the path rather than the host name, which S3-compatible
 * stores on one host need
 */
@ConfigurationProperties("analytics.s3")
public record ReplicaProperties(String bucket, @DefaultValue("") String prefix, String endpoint, String region,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("true") boolean pathStyle) {

	/** The object key of {@code parts} joined under the prefix. */
	String key(String... parts) {
		return Stream.concat(Stream.of(prefix.replaceAll("^/+|/+$", "")), Arrays.stream(parts))
			.filter(part -> !part.isEmpty())
			.collect(Collectors.joining("/"));
	}

	/** For messages: {@code s3://bucket/prefix/...}. */
	String url(String... parts) {
		return "s3://" + bucket + "/" + key(parts);
	}

}
