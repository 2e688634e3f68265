package io.copydesk.app;

/**
 * A {@code copydesk} subcommand that lives in another jar: the tools module's {@code bench} and
 * {@code eval}, which measure the product and are not part of it. {@link CopydeskCli} finds the
 * implementations on the classpath through {@link java.util.ServiceLoader} (each jar lists its own
 * in {@code META-INF/services/io.copydesk.app.ToolCommand}); without the tools jar, as in the
 * Docker image, the command has none. An implementation is a picocli {@code @Command} with a public
 * no-argument constructor.
 */
public interface ToolCommand {}
