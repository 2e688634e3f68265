package io.copydesk.ingest;

import java.time.Instant;

/** One delivery as it arrived: a file from the drop folder or a request body. */
public record InputDocument(String name, byte[] bytes, Instant receivedAt) {}
