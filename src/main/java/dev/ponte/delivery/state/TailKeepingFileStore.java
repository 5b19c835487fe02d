package dev.ponte.delivery.state;

import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.SingleFileStore;

/**
 * The embedded store's file, which keeps free space at its end between commits instead of
 * giving it back at once.
 *
 * <p>With space reused at once (see {@link EmbeddedStateStore}), the last chunk of the file is
 * often freed by the next commit. MVStore then truncates the file, and before truncating it
 * forces the file to disk: an {@code fsync}, for about one webhook in five under their pattern of
 * changes (measured: 1 141 forces in 20 000 commits), each as slow as the disk, and the next
 * chunk grows the file again. Here a commit never truncates; the free end is reused by the next
 * chunks, and the file is shrunk where MVStore shrinks it without that threshold: when the store
 * closes (and when chunks are moved, which Ponte does not ask for). The file's size is unchanged
 * by this (the free end is at most a few chunks), and what a commit makes durable is unchanged: a
 * commit writes its chunk without forcing it, as before.
 */
final class TailKeepingFileStore extends SingleFileStore {

    TailKeepingFileStore(int cacheSizeMb) {
        super(config(cacheSizeMb));
    }

    private static Map<String, Object> config(int cacheSizeMb) {
        Map<String, Object> config = new HashMap<>();
        config.put("cacheSize", cacheSizeMb);
        return config;
    }

    /**
     * MVStore asks with {@code minPercent > 0} after each chunk written inside the file, and with 0
     * when it closes or moves chunks: only the latter shrink.
     */
    @Override
    protected void shrinkStoreIfPossible(int minPercent) {
        if (minPercent == 0) {
            super.shrinkStoreIfPossible(minPercent);
        }
    }
}
