package com.finance.analytics.refresh;

import com.finance.analytics.error.ErrorCode;
import java.util.Optional;

/**
 * Told how each refresh launch ended (once per launch, however many callers shared it):
 * the metrics of the observability package count them.
 */
@FunctionalInterface
public interface RefreshListener {

	/** Listens to nothing: the service's listener until one is set. */
	RefreshListener NONE = failure -> {
	};

	/**
	 * @param failure empty when a run was launched or an unfinished one was found, else
	 * the code the callers were answered with
	 */
	void launchEnded(Optional<ErrorCode> failure);

}
