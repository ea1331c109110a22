import { Theater } from '@/components/Theater';

export default function Page() {
  return <Theater />;
}
