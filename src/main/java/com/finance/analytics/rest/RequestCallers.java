package com.finance.analytics.rest;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

/** The verified caller the bearer filter stored on the request; no caller, no data (fails closed if unfiltered). */
final class RequestCallers {

    private RequestCallers() {
    }

    static Caller require(HttpServletRequest request) {
        if (request.getAttribute(Caller.CONTEXT_KEY) instanceof Caller caller) {
            return caller;
        }
        throw new AnalyticsException(ErrorCode.UNAUTHENTICATED, "Authentication is required");
    }
}
