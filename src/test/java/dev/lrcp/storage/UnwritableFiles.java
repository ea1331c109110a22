package dev.lrcp.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:unwritable:<path>}) over the disk whose writes fail while
 * {@link #failing} is set, the way they fail in a directory made read-only: H2 then closes the
 * database, and opens it read-only for a new connection, as it does on a real disk. Public with a
 * public constructor because H2 creates instances by reflection.
 */
public final class UnwritableFiles extends FilePathWrapper {

  static volatile boolean failing;

  static {
    FilePath.register(new UnwritableFiles());
  }

  public UnwritableFiles() {}

  /** Registers the file system (once) and returns a JDBC URL for a database at {@code path}. */
  static String url(String path) {
    return "jdbc:h2:unwritable:" + path + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  @Override
  public String getScheme() {
    return "unwritable";
  }

  @Override
  public boolean canWrite() {
    return !failing && super.canWrite();
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return new Channel(super.open(mode));
  }

  @Override
  public OutputStream newOutputStream(boolean append) throws IOException {
    refuse();
    return super.newOutputStream(append);
  }

  private static void refuse() throws IOException {
    if (failing) {
      throw new IOException("Operation not permitted");
    }
  }

  private static final class Channel extends FileBase {

    private final FileChannel disk;

    Channel(FileChannel disk) {
      this.disk = disk;
    }

    @Override
    public synchronized int read(ByteBuffer dst, long position) throws IOException {
      return disk.read(dst, position);
    }

    @Override
    public synchronized int write(ByteBuffer src, long position) throws IOException {
      refuse();
      return disk.write(src, position);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return disk.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      refuse();
      return disk.write(src);
    }

    @Override
    public long position() throws IOException {
      return disk.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      disk.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return disk.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      refuse();
      disk.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      refuse();
      disk.force(metaData);
    }

    @Override
    public java.nio.channels.FileLock tryLock(long position, long size, boolean shared)
        throws IOException {
      return disk.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      disk.close();
    }
  }
}
