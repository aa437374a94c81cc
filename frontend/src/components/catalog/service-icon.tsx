import {
  Bath,
  Building2,
  DoorOpen,
  Droplets,
  Fence,
  Leaf,
  MoreHorizontal,
  PaintBucket,
  Sofa,
  Trees,
  Wrench,
  Zap,
  type LucideIcon,
} from 'lucide-react';

// An explicit map keeps the bundle to the icons the catalogue uses (the backend sends lucide names).
const ICONS: Record<string, LucideIcon> = {
  Bath,
  Building2,
  DoorOpen,
  Droplets,
  Fence,
  Leaf,
  MoreHorizontal,
  PaintBucket,
  Sofa,
  Trees,
  Zap,
};

export function ServiceIcon({ name, className }: { name: string | null | undefined; className?: string }) {
  const Icon = (name && ICONS[name]) || Wrench;
  return <Icon className={className ?? 'size-6'} aria-hidden="true" />;
}
