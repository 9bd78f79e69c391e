import fs from 'node:fs';

/**
 * Stops writing `file` and deletes it. A write stream opens its file asynchronously, so deleting right
 * after an error could come before the open, which would then create the file anew and leave it behind;
 * waiting for the stream to close first means there is nothing left to create it.
 */
export async function discardWrite(stream: fs.WriteStream, file: string): Promise<void> {
  // Whatever fails in a write being thrown away does not matter any more.
  stream.on('error', () => {});
  if (!stream.closed) {
    await new Promise<void>((resolve) => {
      stream.once('close', () => resolve());
      stream.destroy();
    });
  }
  fs.rmSync(file, { force: true });
}
