// Administration → ต้นสังกัด / Parent body (issue 19, the office's side): the parent body and its
// invitations, and its templates of measures. Loaded as a chunk of its own when the tab opens;
// joining or leaving a parent body reads the templates again (they come from the parent bodies).
import { useState } from 'preact/hooks';
import { ParentPanel } from './ParentPanel';
import { TemplatesPanel } from './TemplatesPanel';
import './parent-office.css';

export function ParentTab() {
  const [refresh, setRefresh] = useState(0);
  return (
    <>
      <ParentPanel onChanged={() => setRefresh((n) => n + 1)} />
      <TemplatesPanel refresh={refresh} />
    </>
  );
}
