package fi.kasvu.store.jdbc;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * Where the bytes of an open H2 file are, by H2's chunk records (reached by reflection; a
 * measurement aid for {@link H2ChurnExperiment}, not used by Kasvu): chunks younger than the
 * retention time, dead chunks waiting to be freed, and live chunks, with their live bytes.
 */
final class H2ChunkCensus {

    private H2ChunkCensus() {
    }

    static String of(MVStore store) {
        try {
            FileStore<?> file = store.getFileStore();
            Method chunksMethod = FileStore.class.getDeclaredMethod("getChunks");
            chunksMethod.setAccessible(true);
            Map<Integer, ? extends Chunk<?>> chunks = (Map<Integer, ? extends Chunk<?>>) chunksMethod.invoke(file);
            Field deadField = FileStore.class.getDeclaredField("deadChunks");
            deadField.setAccessible(true);
            Collection<?> dead = (Collection<?>) deadField.get(file);
            Method now = FileStore.class.getDeclaredMethod("getTimeSinceCreation");
            now.setAccessible(true);
            long time = (Long) now.invoke(file);
            int retention = file.getRetentionTime();
            long youngBytes = 0;
            long youngLive = 0;
            long deadBytes = 0;
            int deadCount = 0;
            long oldBytes = 0;
            long oldLive = 0;
            int count = 0;
            Method toc = FileStore.class.getDeclaredMethod("getToC", Chunk.class);
            toc.setAccessible(true);
            Map<String, long[]> byMap = new java.util.TreeMap<>();
            for (Chunk<?> c : chunks.values()) {
                count++;
                if (c.time + retention > time && c.maxLenLive > 0) {
                    long[] pages = (long[]) toc.invoke(file, c);
                    if (pages != null) {
                        for (long page : pages) {
                            int mapId = org.h2.mvstore.DataUtils.getPageMapId(page);
                            String name = store.getMapName(mapId);
                            String key = (name == null ? "#" + mapId : name)
                                    + (org.h2.mvstore.DataUtils.isLeafPosition(page) ? " leaf" : " node");
                            long[] sum = byMap.computeIfAbsent(key, k -> new long[2]);
                            sum[0]++;
                            sum[1] += org.h2.mvstore.DataUtils.getPageMaxLength(page);
                        }
                    }
                }
                long bytes = (long) c.len * 4096;
                long live = c.maxLen == 0 ? 0 : bytes * c.maxLenLive / c.maxLen;
                if (c.maxLenLive == 0) {
                    deadBytes += bytes;
                    deadCount++;
                } else if (c.time + retention > time) {
                    youngBytes += bytes;
                    youngLive += live;
                } else {
                    oldBytes += bytes;
                    oldLive += live;
                }
            }
            return String.format(Locale.ROOT, "%d chunks; young %.1f MB (%.1f live); dead %d = %.1f MB (queue %d);"
                            + " old %.1f MB (%.1f live); oldest version to keep %s, current %d",
                    count, youngBytes / 1e6, youngLive / 1e6, deadCount, deadBytes / 1e6, dead.size(), oldBytes / 1e6,
                    oldLive / 1e6, oldestToKeep(store), store.getCurrentVersion()) + "\n      young pages by map: "
                    + byMap.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(12)
                    .map(e -> e.getKey() + " " + e.getValue()[0] + "p/" + e.getValue()[1] / 1024 + "KB")
                    .collect(java.util.stream.Collectors.joining(", "));
        } catch (ReflectiveOperationException e) {
            return e.toString();
        }
    }

    private static Object oldestToKeep(MVStore store) throws ReflectiveOperationException {
        Method m = MVStore.class.getDeclaredMethod("getOldestVersionToKeep");
        m.setAccessible(true);
        return m.invoke(store);
    }
}
