import { Input, SegmentedControl, Stack } from '@mantine/core';
import { useId } from 'react';
import { SCALE } from './account.enums';

/** A 1–5 choice as five segments: one click, arrow keys, and a label read out with the group. */
export function ScaleInput({
  label,
  hint,
  value,
  onChange,
  error,
}: {
  label: string;
  hint: string;
  value: number;
  onChange: (value: number) => void;
  error: string | undefined;
}) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Input.Label id={`${id}-label`} component="div">
        {label}
      </Input.Label>
      <SegmentedControl
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        fullWidth
        value={String(value)}
        onChange={(next) => onChange(Number(next))}
        data={SCALE.map((n) => ({ value: String(n), label: String(n) }))}
      />
      <Input.Description id={`${id}-hint`}>{hint}</Input.Description>
      {error && <Input.Error>{error}</Input.Error>}
    </Stack>
  );
}
