import { useState } from 'react';
import { Image, StyleSheet, View } from 'react-native';
import type { LayoutChangeEvent } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { ClimbDot } from '../../components/wall/ClimbDot';
import { useWallPictureSource } from '../../hooks/useWallPictureSource';
import { colors } from '../../theme/theme';
import { cropAround } from './storyCrop';

const HEIGHT = 180;

/**
 * The climb's spot on its wall: a crop of the wall picture around its dot (the device's copy of
 * the picture once kept, so offline too). Named for screen readers by where it is, in words.
 */
export function ClimbSpot(props: {
  climb: Climb & { position: { x: number; y: number } };
  image: { url: string; width: number; height: number };
  wallName: string;
  grade: string;
}) {
  const { climb, image } = props;
  const source = useWallPictureSource(image.url);
  const [width, setWidth] = useState(0);
  const crop = cropAround(image, climb.position, { width, height: HEIGHT });
  const percent = (v: number) => `${Math.round(v * 100)}%`;
  const label = `${climb.name} on the ${props.wallName} picture: ${percent(climb.position.x)} across, ${percent(climb.position.y)} down`;
  return (
    <View
      style={styles.frame}
      onLayout={(event: LayoutChangeEvent) => setWidth(event.nativeEvent.layout.width)}
      accessible
      role="img"
      aria-label={label}
      testID="climb-spot"
    >
      {width > 0 ? (
        <View
          style={[
            styles.picture,
            { width: crop.width, height: crop.height, left: crop.left, top: crop.top },
          ]}
          aria-hidden
        >
          <Image source={{ uri: source }} style={StyleSheet.absoluteFill} resizeMode="stretch" />
          <ClimbDot climb={climb} grade={props.grade} selected={false} />
        </View>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  frame: {
    height: HEIGHT,
    width: '100%',
    overflow: 'hidden',
    borderRadius: 8,
    backgroundColor: colors.border,
  },
  picture: { position: 'absolute' },
});
