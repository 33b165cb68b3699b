package org.mms.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mms.files.OwnerOnly;
import org.mms.itip.mail.ComposeImipMessage;
import org.mms.itip.mail.PickupDirectory;
import org.mms.migration.ComposeUpdate;
import org.mms.migration.MeetingPlan;

/**
 * Writes one iMIP message ({@code .eml}) per changed meeting into a directory, for a mail server's
 * pickup directory or for review. Messages are written into a hidden staging directory inside it
 * and moved out only on {@link #commit()}.
 */
public final class PickupOutbox implements Outbox {

    private final Path directory;
    private final ComposeImipMessage composer;
    /** Remarks kept for the report; beyond this many only counted, so a huge run stays readable. */
    private static final int MAX_NOTES = 20;

    private final List<String> notes = new ArrayList<>();
    private int moreNotes;
    private int nobodyToTell;
    private Path staging;
    private PickupDirectory pickup;
    private int count;

    public PickupOutbox(Path directory, ComposeImipMessage composer) {
        this.directory = directory;
        this.composer = composer;
    }

    @Override
    public void add(MeetingPlan meeting, List<byte[]> calendarProperties, Map<String, byte[]> timezones) throws IOException {
        Optional<ComposeUpdate.Update> update = ComposeUpdate.of(meeting, calendarProperties, timezones);
        if (update.isEmpty()) {
            nobodyToTell++;
            return;
        }
        update.get().unusableAddresses().forEach(a -> note("left out of the update for " + meeting.uid()
                + ": not a usable e-mail address: " + a));
        pickup().write(update.get().request());
        count++;
    }

    private PickupDirectory pickup() throws IOException {
        if (pickup == null) {
            OwnerOnly.createDirectories(directory);
            staging = Files.createTempDirectory(directory, ".staging-");
            pickup = new PickupDirectory(staging, composer);
        }
        return pickup;
    }

    @Override
    public void commit() throws IOException {
        if (staging == null) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging, "*.eml")) {
            for (Path file : files) {
                // The same meeting's update from an earlier run is replaced; another message never is.
                PickupDirectory.moveInto(file, directory);
            }
        }
        deleteStaging();
    }

    @Override
    public void discard() throws IOException {
        if (staging != null) {
            deleteStaging();
            count = 0;
        }
    }

    private void deleteStaging() throws IOException {
        try (var files = Files.list(staging)) {
            files.forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.deleteIfExists(staging);
        staging = null;
        pickup = null;
    }

    @Override
    public int count() {
        return count;
    }

    private void note(String note) {
        if (notes.size() < MAX_NOTES) {
            notes.add(note);
        } else {
            moreNotes++;
        }
    }

    @Override
    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        if (moreNotes > 0) {
            all.add(moreNotes + " more addresses left out of update messages");
        }
        if (nobodyToTell > 0) {
            all.add(nobodyToTell + " changed meeting(s) have no attendee besides the organizer: no update message for them");
        }
        return all;
    }

    public Path directory() {
        return directory;
    }
}
