/**
 * A minimal zip writer (deflate, no zip64) for sizing a Lambda package. The layout follows
 * PKWARE's APPNOTE.TXT: a local header and the data per file, then the central directory
 * and its end record.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A file to put into the archive, under its path inside the zip. */
export interface ZipInput {
  name: string;
  data: Buffer;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATE = 8;
/** Version 2.0, the first with deflate. */
const VERSION = 20;
/** Bit 11: the name is UTF-8. */
const UTF8_FLAG = 0x0800;

interface Entry {
  name: Buffer;
  crc: number;
  compressed: Buffer;
  size: number;
  offset: number;
}

function localHeader(entry: Entry): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(UTF8_FLAG, 6);
  header.writeUInt16LE(DEFLATE, 8);
  // Bytes 10 to 13 are the DOS time and date, left at zero so the output is reproducible.
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.compressed.length, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  return Buffer.concat([header, entry.name]);
}

function centralHeader(entry: Entry): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(VERSION, 6);
  header.writeUInt16LE(UTF8_FLAG, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressed.length, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  return record;
}

/** Builds a zip archive of the files, each deflated at the highest level. */
export function zipFiles(files: readonly ZipInput[]): Buffer {
  const parts: Buffer[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const file of files) {
    const compressed = deflateRawSync(file.data, { level: constants.Z_BEST_COMPRESSION });
    const entry = { name: Buffer.from(file.name, 'utf8'), crc: crc32(file.data), compressed, size: file.data.length, offset };
    const header = localHeader(entry);
    parts.push(header, compressed);
    entries.push(entry);
    offset += header.length + compressed.length;
  }

  const directory = Buffer.concat(entries.map(centralHeader));
  return Buffer.concat([...parts, directory, endRecord(entries.length, directory.length, offset)]);
}
