import ReactMarkdown from 'react-markdown'
import remarkGfm from 'remark-gfm'

// Raw HTML is dropped (skipHtml) and only http(s)/mailto links survive, so user text can never run script.
const SAFE_URL = /^(https?:|mailto:)/i

export function Markdown({ children }: { children: string }) {
	return (
		<div className="markdown">
			<ReactMarkdown
				remarkPlugins={[remarkGfm]}
				skipHtml
				disallowedElements={['img']}
				unwrapDisallowed
				urlTransform={(url) => (SAFE_URL.test(url.trim()) ? url : '')}
				components={{
					a: ({ node: _node, ...props }) => <a {...props} rel="nofollow noopener noreferrer" target="_blank" />,
				}}
			>
				{children}
			</ReactMarkdown>
		</div>
	)
}
