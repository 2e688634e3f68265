package io.copydesk.ingest;

import io.copydesk.contract.Sha256;
import io.copydesk.schema.RejectedInput;
import io.copydesk.schema.Source;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Builds the reject record: the reason, where the input came from and the start of its bytes. */
final class Rejects {
  private Rejects() {}

  static RejectedInput of(InputDocument input, InputRejectedException why, int maxPayloadBytes) {
    byte[] bytes = input.bytes();
    byte[] kept = bytes.length <= maxPayloadBytes ? bytes : Arrays.copyOf(bytes, maxPayloadBytes);
    return RejectedInput.newBuilder()
        .setCode(why.code())
        .setReason(why.getMessage())
        .setSource(Source.newBuilder().setFormat("unknown").setFile(input.name()).build())
        .setReceivedAt(input.receivedAt())
        .setPayloadSize(bytes.length)
        .setPayloadSha256(Sha256.hex(bytes))
        .setPayload(ByteBuffer.wrap(kept))
        .build();
  }
}
