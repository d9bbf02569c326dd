package fi.kasvu.lms.moodle.sync;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * A journal in a JSON Lines file: one record per line, appended and flushed to disk before the
 * sync goes on, so that a killed process loses at most the line it was writing (a torn last line
 * is ignored on reading).
 */
public final class FileSyncJournal implements SyncJournal, AutoCloseable {

    /** Looked up once: {@code Json.create…} searches the class path on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Path file;
    private final InMemorySyncJournal state = new InMemorySyncJournal();
    private final FileChannel channel;

    private FileSyncJournal(Path file) throws IOException {
        this.file = file;
        long intact = 0;
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                boolean last = i == lines.length - 1;
                if (!line.isEmpty()) {
                    try (JsonReader reader = JSON.createReader(new StringReader(line))) {
                        replay(reader.readObject());
                    } catch (JsonParsingException | ClassCastException | NullPointerException e) {
                        if (!last) {
                            throw new IOException("sync journal " + file + " line " + (i + 1)
                                    + " is not a journal record");
                        }
                        break;
                    }
                }
                if (!last) {
                    intact += lines[i].getBytes(StandardCharsets.UTF_8).length + 1;
                }
            }
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.DSYNC);
        // A line torn by a killed process is cut off, so that the next record starts on a line of its own.
        channel.truncate(intact);
        channel.position(intact);
    }

    /**
     * Opens (or creates) the journal file and reads what earlier runs recorded.
     *
     * @throws IOException if the file cannot be read or created, or a line other than the last is damaged
     */
    public static FileSyncJournal open(Path file) throws IOException {
        return new FileSyncJournal(file);
    }

    private void replay(JsonObject record) {
        switch (record.getString("record")) {
            case "intended" -> state.messageIntended(record.getString("key"));
            case "sent" -> state.messageSent(record.getString("key"), record.getJsonNumber("msgid").longValue());
            case "failed" -> state.messageFailed(record.getString("key"), record.getString("reason", ""));
            case "assigned" -> state.assignedNow(record.getJsonNumber("grouping").longValue(),
                    record.getJsonNumber("group").longValue());
            default -> {
                // Records added by later versions are skipped.
            }
        }
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    @Override
    public MessageState message(String key) {
        return state.message(key);
    }

    @Override
    public synchronized void messageIntended(String key) throws IOException {
        append(JSON.createObjectBuilder().add("record", "intended").add("key", key).build());
        state.messageIntended(key);
    }

    @Override
    public synchronized void messagesIntended(List<String> keys) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String key : keys) {
            lines.append(JSON.createObjectBuilder().add("record", "intended").add("key", key).build()).append('\n');
        }
        write(lines.toString());
        keys.forEach(state::messageIntended);
    }

    @Override
    public synchronized void messagesSent(List<Map.Entry<String, Long>> sent) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, Long> message : sent) {
            lines.append(JSON.createObjectBuilder().add("record", "sent").add("key", message.getKey())
                    .add("msgid", message.getValue()).build()).append('\n');
        }
        write(lines.toString());
        sent.forEach(message -> state.messageSent(message.getKey(), message.getValue()));
    }

    @Override
    public synchronized void messageSent(String key, long msgid) throws IOException {
        append(JSON.createObjectBuilder().add("record", "sent").add("key", key).add("msgid", msgid).build());
        state.messageSent(key, msgid);
    }

    @Override
    public synchronized void messageFailed(String key, String reason) throws IOException {
        append(JSON.createObjectBuilder().add("record", "failed").add("key", key).add("reason", reason).build());
        state.messageFailed(key, reason);
    }

    @Override
    public boolean assigned(long groupingId, long groupId) {
        return state.assigned(groupingId, groupId);
    }

    @Override
    public synchronized void assignedNow(long groupingId, long groupId) throws IOException {
        append(JSON.createObjectBuilder().add("record", "assigned").add("grouping", groupingId).add("group", groupId)
                .build());
        state.assignedNow(groupingId, groupId);
    }

    private void append(JsonObject record) throws IOException {
        write(record.toString() + "\n");
    }

    private void write(String lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
