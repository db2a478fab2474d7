// A button that opens the file chooser; the <input type="file"> itself (test id = id) stays hidden.
import Button from '@atlaskit/button/new';
import UploadIcon from '@atlaskit/icon/core/upload';
import { useRef } from 'react';

interface FileInputProps {
  id: string;
  accept: string;
  label: string;
  busy?: boolean;
  onFile: (file: File) => void;
}

const HIDDEN = { position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden', pointerEvents: 'none' } as const;

export function FileInput({ id, accept, label, busy, onFile }: FileInputProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        id={id}
        data-testid={id}
        type="file"
        accept={accept}
        tabIndex={-1}
        style={HIDDEN}
        aria-label={label}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Choosing the same file again must fire again.
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      <Button iconBefore={UploadIcon} isLoading={busy} onClick={() => input.current?.click()} testId={`${id}-button`}>
        {label}
      </Button>
    </>
  );
}
