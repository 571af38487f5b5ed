package com.finance.analytics.replica;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.finance.analytics.snapshot.SnapshotManager;
import com.finance.analytics.snapshot.SnapshotProperties;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The replica's beans, present only when {@code analytics.s3.bucket} is set: without it
 * the gateway reads its local snapshots directory alone (the default, and what
 * {@code make run} does).
 */
@Configuration(proxyBeanMethods = false)
// Blank counts as unset, as on the publisher's side: ANALYTICS_S3_BUCKET= turns it off.
@ConditionalOnExpression("!'${analytics.s3.bucket:}'.isBlank()")
@EnableConfigurationProperties(ReplicaProperties.class)
class ReplicaConfiguration {

	/**
	 * Signing only needs some region; S3-compatible stores on one host accept any, and
	 * AWS redirects nothing when it is right.
	 */
	private static final Region FALLBACK_REGION = Region.US_EAST_1;

	@Bean(destroyMethod = "close")
	S3Client replicaS3Client(ReplicaProperties properties) {
		S3ClientBuilder builder = S3Client.builder()
			.forcePathStyle(properties.pathStyle())
			.region(properties.region() != null ? Region.of(properties.region()) : defaultRegion());
		if (properties.endpoint() != null) {
			builder.endpointOverride(URI.create(properties.endpoint()));
		}
		return builder.build();
	}

	@Bean
	SnapshotReplica snapshotReplica(S3Client replicaS3Client, ReplicaProperties properties,
			SnapshotProperties snapshotProperties, SnapshotManager snapshots) {
		return new SnapshotReplica(replicaS3Client, properties, snapshotProperties.snapshotsDir(), snapshots);
	}

	@Bean("replica")
	ReplicaHealthIndicator replicaHealthIndicator(SnapshotReplica replica) {
		return new ReplicaHealthIndicator(replica);
	}

	private static Region defaultRegion() {
		try {
			return DefaultAwsRegionProviderChain.builder().build().getRegion();
		}
		catch (SdkClientException e) {
			return FALLBACK_REGION;
		}
	}

}
