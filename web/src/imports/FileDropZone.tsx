import { Button, Stack, Text } from '@mantine/core';
import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A file picker that also takes a dropped file. The button is the control (keyboard and screen readers
 * use it like any file input); the zone around it only adds dropping, and says so while a file is over it.
 */
export function FileDropZone({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useTranslation('imports');
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const labelId = useId();
  const hintId = useId();

  const take = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      setMessage(t('drop.onlyOne'));
      return;
    }
    setMessage(null);
    onFile(files[0]!);
  };
  const over = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <section
      aria-labelledby={labelId}
      aria-describedby={hintId}
      data-testid="drop-zone"
      data-dragging={dragging || undefined}
      className="kontor-drop-zone"
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        take(event.dataTransfer.files);
      }}
    >
      <Stack align="center" gap="xs">
        <Text id={labelId} fw={600} size="lg">
          {dragging ? t('drop.active') : t('drop.label')}
        </Text>
        <Text id={hintId} size="sm" c="dimmed" ta="center">
          {t('drop.hint')}
        </Text>
        <Button onClick={() => input.current?.click()} mt="xs">
          {t('drop.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          aria-hidden
          tabIndex={-1}
          data-testid="file-input"
          onChange={(event) => {
            take(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
        <Text size="sm" c="red.8" role="status" mih={20}>
          {message}
        </Text>
      </Stack>
    </section>
  );
}
