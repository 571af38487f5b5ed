/**
 * Which GraphQL document a request runs, and how cheaply: Apollo's automatic persisted
 * queries (a bounded store of documents by sha256), the trusted-documents mode (only the
 * operations of a manifest run), and the per-engine cache of parsed and validated
 * documents, and walking a document's selections through its fragments. Every engine gets
 * its own {@link com.finance.analytics.documents.DocumentProvider}.
 */
package com.finance.analytics.documents;
