import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Starts mongo-java-server on loopback: a MongoDB-wire database that is atomic per document, as
 * MongoDB is. The memory backend serves tests and benchmarks (every run makes its own
 * databases); the H2 backend keeps `npm start`'s data in one file across restarts.
 *
 *   java -cp 'lib/*:classes' MongoWireServer --port 27017 [--host 127.0.0.1] [--file data.mv]
 *
 * The oplog is on, so change streams work. On SIGTERM the server stops and H2 commits and closes
 * its file; a SIGKILL loses at most H2's last second of writes (its autocommit delay).
 */
public final class MongoWireServer {
  public static void main(String[] args) {
    String host = "127.0.0.1";
    int port = 27017;
    String file = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> host = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--file" -> file = args[++i];
        default -> {
          System.err.println("unknown argument " + args[i] + "; usage: --port N [--host H] [--file F]");
          System.exit(2);
        }
      }
    }
    MongoBackend backend = file == null ? new MemoryBackend() : new H2Backend(file);
    MongoServer server = new MongoServer(backend);
    server.enableOplog();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "shutdown"));
    server.bind(host, port);
    System.out.println(
        "mongo-wire listening on " + host + ":" + port + " (" + (file == null ? "memory" : "H2 " + file) + ")");
  }
}
